"""How much the network page draws by default: numbers the CLI's options show without importing
the page's builder (and networkx with it)."""

__all__ = ["DEFAULT_MAX_NODES", "DEFAULT_MAX_EDGES", "DEFAULT_LABELS", "QUOTE_NODES_MAX"]

#: At most this many nodes are drawn (``--max-nodes``); above, the strongest links are kept.
DEFAULT_MAX_NODES = 1000
#: At most this many links (quotes aggregated into edges) are drawn (``--max-edges``).
DEFAULT_MAX_EDGES = 2000
#: The names of this many most central nodes are always on screen (``--labels``).
DEFAULT_LABELS = 30
#: Up to this many nodes in all, quotes are drawn as nodes unless asked otherwise.
QUOTE_NODES_MAX = 300

"""How much the network page draws by default: numbers the CLI's options show without importing
the page's builder (and networkx with it)."""

__all__ = ["DEFAULT_MAX_NODES", "QUOTE_NODES_MAX"]

#: At most this many nodes are drawn; the most-quoted are kept (``--max-nodes``).
DEFAULT_MAX_NODES = 1000
#: Up to this many nodes in all, quotes are drawn as nodes unless asked otherwise.
QUOTE_NODES_MAX = 300

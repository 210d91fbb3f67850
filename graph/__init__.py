"""The knowledge graph: records to RDF, stores, SPARQL, exports and the network view. Knows nothing of spaCy."""

"""Extraction: news text to plain records (quotes, speakers, cues, mediators). Knows nothing of RDF."""

"""Key figures, people and timeline beside the text, and the selection they share."""

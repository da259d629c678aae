"""The corpus layer: the article model, the page parser and the folder loader."""

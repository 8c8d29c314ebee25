"""Language data of the engine: word lists and learned weights, one folder a language."""

"""Storage: the SQLite schema and its migrations, writing and reading claims, linking sources across articles, reviewer accounts."""

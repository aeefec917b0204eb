"""Reading and checking the taxonomy files of `skills_data/`: YAML with line numbers (`lines`),
the shape of each file (`schema`), checks across files (`checks`) and of the writing
(`writing`), and the loader that turns them into the core's values (`files`)."""

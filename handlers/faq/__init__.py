"""Questions answered from the curated knowledge base: content, analysis, retrieval and chat replies.

`knowledge` loads and validates the per-language content under locales/, `analysis` turns text into
index terms per language, `engine` finds the topic (or abstains), and `chat` renders the replies.
"""

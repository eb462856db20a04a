"""oerbot: the chat bot of the UNESCO/IGF OER Dynamic Coalition."""

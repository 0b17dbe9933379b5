"""The demonstration content: a provincial news site running the Gia Lai symposium."""

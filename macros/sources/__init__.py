"""The source watch (`make sources`): is each fact still on the page it was taken from?"""

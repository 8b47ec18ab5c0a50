-- Recommendations moved to team Inspire, with its own copy of the variants and their colours.
DROP TABLE variant;

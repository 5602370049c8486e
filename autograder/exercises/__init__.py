"""Exercise definitions, one module per course week (``c1w2`` = Course 1, Week 2).

Importing a module registers its exercises; ``autograder.registry`` imports them all.
"""

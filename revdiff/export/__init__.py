"""Writers that turn Articles and Comparisons into files for people and programs."""

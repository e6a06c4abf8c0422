"""docker-py's docker.models package: the high-level objects under their module paths."""

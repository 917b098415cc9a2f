"""Helpers of the ai_adoption dbt project: identity resolution, sample data, git export, CLI."""

__version__ = "0.1.0"

{{ companion_metrics_table('week') }}

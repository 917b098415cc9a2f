{{ companion_metrics_table('day') }}

{{ companion_metrics_table('month') }}

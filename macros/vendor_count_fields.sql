{% macro copilot_count_columns() %}
    {#- The count fields of a Copilot user-day record and of each totals_by_feature element. -#}
    {{ return([
        'user_initiated_interaction_count', 'code_generation_activity_count',
        'code_acceptance_activity_count', 'loc_suggested_to_add_sum',
        'loc_suggested_to_delete_sum', 'loc_added_sum', 'loc_deleted_sum']) }}
{% endmacro %}

{% macro cursor_count_fields() %}
    {#- Cursor's count fields (the vendor's camelCase name -> the staging column). -#}
    {{ return({
        'totalLinesAdded': 'total_lines_added', 'totalLinesDeleted': 'total_lines_deleted',
        'acceptedLinesAdded': 'accepted_lines_added',
        'acceptedLinesDeleted': 'accepted_lines_deleted',
        'totalApplies': 'total_applies', 'totalAccepts': 'total_accepts',
        'totalRejects': 'total_rejects', 'totalTabsShown': 'total_tabs_shown',
        'totalTabsAccepted': 'total_tabs_accepted', 'composerRequests': 'composer_requests',
        'chatRequests': 'chat_requests', 'agentRequests': 'agent_requests',
        'cmdkUsages': 'cmdk_usages', 'subscriptionIncludedReqs': 'subscription_included_requests',
        'apiKeyReqs': 'api_key_requests', 'usageBasedReqs': 'usage_based_requests',
        'bugbotUsages': 'bugbot_usages'}) }}
{% endmacro %}

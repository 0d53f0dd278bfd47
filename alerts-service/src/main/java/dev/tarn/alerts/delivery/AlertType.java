package dev.tarn.alerts.delivery;

/**
 * Panther's alert types. SYSTEM_ERROR (the name Panther's later releases use) is an alarm about Tarn itself — a
 * failed job, a silent source — raised by {@code tarn health}: it has no rule and no matched log events.
 */
public enum AlertType { RULE, RULE_ERROR, POLICY, SYSTEM_ERROR }

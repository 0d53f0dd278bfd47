package dev.tarn.alerts.delivery;

/** Panther's alert types. */
public enum AlertType { RULE, RULE_ERROR, POLICY }

package dev.tarn.alerts.delivery;

/** Where an outbox row stands. Only a 2xx from the destination makes a delivery DELIVERED. */
public enum DeliveryStatus { PENDING, SENDING, DELIVERED, DEAD }

/**
 * A small service using Momentum Kafka, and its tests.
 */
@DefaultDomain("appdomain")
package com.example.cashiers;

import io.momentum.kafka.annotation.DefaultDomain;

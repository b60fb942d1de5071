package com.example.cashiers;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A service in the shape of the seed's {@code AppDomain}: it publishes and handles cashier events. The tests in
 * this package are written as a user of {@code momentum-kafka-test} writes them.
 */
@SpringBootApplication
public class CashierApplication {

}

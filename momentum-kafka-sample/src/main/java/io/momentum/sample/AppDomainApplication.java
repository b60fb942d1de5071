package io.momentum.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample service {@code appdomain-api}: the Momentum documentation's examples as a Spring
 * Boot application.
 */
@SpringBootApplication
public class AppDomainApplication {

	public static void main(String[] args) {
		SpringApplication.run(AppDomainApplication.class, args);
	}

}

package io.momentum.sample.web;

import io.momentum.kafka.publishing.IntegrationEventPublishException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers {@code 503 Service Unavailable} when an event was not written to Kafka (broker
 * unreachable, not acknowledged in time): the change was not made, and the client may retry.
 */
@RestControllerAdvice
class PublishFailureHandler {

	private static final Logger logger = LoggerFactory.getLogger(PublishFailureHandler.class);

	@ExceptionHandler
	ProblemDetail eventNotPublished(IntegrationEventPublishException exception) {
		// The publisher has logged the event type, id, topic and reason already.
		logger.debug("Answering 503 for an event that was not published", exception);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, exception.getMessage());
		problem.setTitle("Event not published");
		return problem;
	}

}

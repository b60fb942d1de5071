package io.momentum.sample.deadletters;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /dead-letters}: the latest records of the service's dead-letter topics, with the
 * reason each one was sent there.
 */
@RestController
class DeadLetterController {

	private final DeadLetterReader reader;

	DeadLetterController(DeadLetterReader reader) {
		this.reader = reader;
	}

	@GetMapping("/dead-letters")
	List<DeadLetter> deadLetters() {
		return this.reader.read();
	}

}

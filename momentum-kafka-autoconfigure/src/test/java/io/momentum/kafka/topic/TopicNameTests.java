package io.momentum.kafka.topic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicNameTests {

	@Test
	void deadLetterTopicAddsSuffix() {
		assertThat(new TopicName("dev.appdomain.public.cashiers").deadLetter())
			.isEqualTo("dev.appdomain.public.cashiers.dead-letter");
	}

	@Test
	void acceptsLettersDigitsDotsUnderscoresAndHyphens() {
		assertThat(new TopicName("Dev.app_domain.public.invoice-events.v2").value())
			.isEqualTo("Dev.app_domain.public.invoice-events.v2");
	}

	@Test
	void refusesIllegalCharacters() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TopicName("dev.app domain.public.x"))
			.withMessageContaining("contains ' '")
			.withMessageContaining("[a-zA-Z0-9._-]");
		assertThatIllegalArgumentException().isThrownBy(() -> new TopicName("dev.domäne.public.x"))
			.withMessageContaining("contains 'ä'");
	}

	@Test
	void longestNameLeavesRoomForDeadLetterSuffix() {
		String longest = "a".repeat(237);
		assertThat(new TopicName(longest).deadLetter()).hasSize(TopicName.MAX_LENGTH);
		assertThatIllegalArgumentException().isThrownBy(() -> new TopicName(longest + "a"))
			.withMessageContaining("238 characters")
			.withMessageContaining("Kafka allows 249");
	}

	@Test
	void dotAndUnderscoreCollide() {
		assertThat(new TopicName("dev.a.public.order_lines").collisionKey())
			.isEqualTo(new TopicName("dev.a.public.order.lines").collisionKey());
	}

}

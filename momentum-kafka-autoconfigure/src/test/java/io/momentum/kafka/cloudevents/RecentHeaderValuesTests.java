package io.momentum.kafka.cloudevents;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentHeaderValuesTests {

	private final AtomicInteger interpretations = new AtomicInteger();

	private final RecentHeaderValues<URI> values = new RecentHeaderValues<>((text) -> {
		this.interpretations.incrementAndGet();
		try {
			return new URI(text);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	});

	@Test
	void interpretsARepeatedValueOnce() {
		for (int i = 0; i < 100; i++) {
			assertThat(this.values.get(bytes("/billing/invoices"))).isEqualTo(URI.create("/billing/invoices"));
		}
		assertThat(this.interpretations).hasValue(1);
	}

	@Test
	void keepsNoInvalidValue() {
		assertThat(this.values.get(bytes("::not a uri"))).isNull();
		assertThat(this.values.get(bytes("::not a uri"))).isNull();
		assertThat(this.interpretations).hasValue(2);
	}

	@Test
	void givesTheRightValueForEverOtherValues() {
		for (int i = 0; i < 1_000; i++) {
			assertThat(this.values.get(bytes("/source/" + (i % 40)))).isEqualTo(URI.create("/source/" + (i % 40)));
		}
	}

	@Test
	void isNotChangedWhenTheCallerReusesItsBuffer() {
		byte[] buffer = bytes("/a");
		assertThat(this.values.get(buffer)).isEqualTo(URI.create("/a"));
		buffer[1] = 'b';
		assertThat(this.values.get(buffer)).isEqualTo(URI.create("/b"));
		assertThat(this.values.get(bytes("/a"))).isEqualTo(URI.create("/a"));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

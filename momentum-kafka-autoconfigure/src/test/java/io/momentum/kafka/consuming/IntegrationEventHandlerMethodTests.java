package io.momentum.kafka.consuming;

import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.consuming.fixtures.CashierCreated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link IntegrationEventHandlerMethod}'s descriptions, as the startup report and error
 * messages show them.
 */
class IntegrationEventHandlerMethodTests {

	@Test
	void methodIsDescribedByItsClassNameAndParameterTypes() throws Exception {
		assertThat(IntegrationEventHandlerMethod.describe(Handlers.class.getDeclaredMethod("on", CashierCreated.class)))
			.isEqualTo(Handlers.class.getName() + ".on(CashierCreated)");
	}

	@Test
	void mockOfAnInterfaceIsDescribedByTheInterfaceNotByTheGeneratedClass() throws Exception {
		Class<?> mockClass = mock(Handler.class).getClass();
		assertThat(mockClass.getName()).contains("$MockitoMock$");
		assertThat(IntegrationEventHandlerMethod.describe(mockClass.getMethod("on", CashierCreated.class)))
			.isEqualTo(Handler.class.getName() + ".on(CashierCreated) (Mockito mock)");
	}

	interface Handler {

		@IntegrationEventHandler
		void on(CashierCreated event);

	}

	static class Handlers {

		@IntegrationEventHandler
		void on(CashierCreated event) {
		}

	}

}

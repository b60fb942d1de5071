package io.momentum.kafka.cloudevents;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@link EventDataSerializer} on a Jackson 3 {@link JsonMapper}: record components by name
 * (camelCase), {@code java.time} values as ISO-8601 strings and UUIDs as strings with Jackson's
 * defaults, plus whatever the application configured on its mapper.
 * <p>
 * A writer is resolved once per event type, so serializing does no per-call look-up.
 */
public final class JacksonEventDataSerializer implements EventDataSerializer {

	private final JsonMapper jsonMapper;

	private final ClassValue<ObjectWriter> writers = new ClassValue<>() {

		@Override
		protected ObjectWriter computeValue(Class<?> type) {
			return JacksonEventDataSerializer.this.jsonMapper.writerFor(type);
		}

	};

	/**
	 * Create a serializer on the given mapper.
	 * @param jsonMapper the mapper, usually the application's {@code JsonMapper} bean
	 */
	public JacksonEventDataSerializer(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public byte[] serialize(Object event) {
		try {
			return this.writers.get(event.getClass()).writeValueAsBytes(event);
		}
		catch (JacksonException ex) {
			throw new EventDataSerializationException(event.getClass(), componentPath(ex.getPath()),
					String.valueOf(ex.getOriginalMessage()), ex);
		}
	}

	private static @Nullable String componentPath(List<JacksonException.Reference> path) {
		if (path.isEmpty()) {
			return null;
		}
		StringBuilder components = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			String name = reference.getPropertyName();
			if (name != null) {
				if (!components.isEmpty()) {
					components.append('.');
				}
				components.append(name);
			}
			else if (reference.getIndex() >= 0) {
				components.append('[').append(reference.getIndex()).append(']');
			}
		}
		return components.isEmpty() ? null : components.toString();
	}

}

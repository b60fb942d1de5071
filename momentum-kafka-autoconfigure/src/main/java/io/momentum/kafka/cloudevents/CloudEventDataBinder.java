package io.momentum.kafka.cloudevents;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Binds the JSON data of a CloudEvent to an event type with the application's Jackson
 * {@link JsonMapper}. Unknown JSON fields are ignored (an older consumer reads a newer
 * producer's events) without changing the application's mapper: the binder uses its own
 * {@link ObjectReader} per type, cached.
 */
public class CloudEventDataBinder {

	private final JsonMapper jsonMapper;

	private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

	/**
	 * The last JSON content type seen: the fast-path reader gives the same instance for the same header, so that a
	 * topic's records are checked by reference instead of parsing the media type per record.
	 */
	private volatile @Nullable String lastJsonContentType;

	/**
	 * Create a binder that reads with the given mapper.
	 * @param jsonMapper the application's mapper (its modules and settings apply)
	 */
	public CloudEventDataBinder(JsonMapper jsonMapper) {
		Assert.notNull(jsonMapper, "'jsonMapper' must not be null");
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Bind the data of an event to a type.
	 * @param <T> the event type
	 * @param event the CloudEvent
	 * @param type the class to bind to
	 * @return the bound event, never {@code null}
	 * @throws UnreadableEventException when the data is missing, is not JSON, or does not bind
	 * to the type (the message names the type, the kind of failure and where in the JSON it
	 * happened, never the data; Jackson's exception is not kept because it quotes the data)
	 */
	public <T> T bind(CloudEvent event, Class<T> type) {
		String contentType = event.getDataContentType();
		// no content type means JSON
		if (contentType != null && contentType != this.lastJsonContentType) {
			if (!isJson(contentType)) {
				throw new UnreadableEventException("CloudEvent " + event.getId() + " of type '" + event.getType()
						+ "' has datacontenttype '" + contentType + "'; integration events carry JSON data");
			}
			this.lastJsonContentType = contentType;
		}
		CloudEventData data = event.getData();
		byte[] bytes = (data != null) ? data.toBytes() : null;
		if (bytes == null || bytes.length == 0) {
			throw new UnreadableEventException(
					"CloudEvent " + event.getId() + " of type '" + event.getType() + "' has no data");
		}
		T value;
		try {
			value = this.readers.computeIfAbsent(type, this::createReader).readValue(bytes);
		}
		catch (JacksonException ex) {
			// Jackson's message and the exception itself quote the offending input, which can be
			// the whole payload: only the kind of failure and where it happened are kept.
			throw new UnreadableEventException("The data of CloudEvent " + event.getId() + " of type '"
					+ event.getType() + "' does not bind to " + type.getName() + ": " + describe(ex));
		}
		if (value == null) {
			throw new UnreadableEventException(
					"The data of CloudEvent " + event.getId() + " of type '" + event.getType() + "' is JSON null");
		}
		return value;
	}

	private static String describe(JacksonException ex) {
		StringBuilder description = new StringBuilder(ex.getClass().getSimpleName());
		String path = ex.getPathReference();
		if (path != null && !path.isEmpty()) {
			description.append(" at ").append(path);
		}
		TokenStreamLocation location = ex.getLocation();
		if (location != null && location.getLineNr() > 0) {
			description.append(" (line ").append(location.getLineNr()).append(", column ")
				.append(location.getColumnNr()).append(')');
		}
		return description.toString();
	}

	private ObjectReader createReader(Class<?> type) {
		return this.jsonMapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

	/**
	 * Whether a {@code datacontenttype} denotes JSON: absent (JSON is the default of integration
	 * events), {@code application/json}, {@code text/json} or any {@code +json} suffix, with or
	 * without parameters.
	 * @param contentType the content type, may be {@code null}
	 * @return {@code true} for JSON
	 */
	static boolean isJson(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return true;
		}
		int parameters = contentType.indexOf(';');
		String mediaType = ((parameters >= 0) ? contentType.substring(0, parameters) : contentType).trim()
			.toLowerCase(Locale.ROOT);
		return mediaType.equals("application/json") || mediaType.equals("text/json") || mediaType.endsWith("+json");
	}

}

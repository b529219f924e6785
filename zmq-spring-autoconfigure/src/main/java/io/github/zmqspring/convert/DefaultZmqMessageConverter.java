/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.zmqspring.convert;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZFrame;
import org.zeromq.ZMsg;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default conversion: {@code byte[]} as is, {@code String} as UTF-8, {@link ZMsg} and
 * {@link ZmqFrames} as all their frames, anything else as UTF-8 JSON written and read by
 * the application's Jackson {@link JsonMapper} (the bytes pyzmq's {@code send_json} and
 * {@code recv_json} use). Java serialization is never used.
 * <p>
 * Reading a {@code byte[]}, {@code String} or JSON value requires exactly one frame; a
 * {@code String} must be valid UTF-8.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class DefaultZmqMessageConverter implements ZmqMessageConverter {

	private final JsonMapper jsonMapper;

	public DefaultZmqMessageConverter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public ZmqFrames toFrames(@Nullable Object payload) {
		if (payload == null) {
			return ZmqFrames.empty();
		}
		if (payload instanceof byte[] bytes) {
			return ZmqFrames.of(bytes);
		}
		if (payload instanceof String text) {
			return ZmqFrames.of(text.getBytes(StandardCharsets.UTF_8));
		}
		if (payload instanceof ZmqFrames frames) {
			return frames;
		}
		if (payload instanceof ZMsg msg) {
			return ZmqFrames.of(msg);
		}
		if (payload instanceof ZFrame frame) {
			return ZmqFrames.of(frame.getData());
		}
		try {
			return ZmqFrames.of(this.jsonMapper.writeValueAsBytes(payload));
		}
		catch (JacksonException ex) {
			throw new ZmqConversionException("Cannot write " + payload.getClass().getName() + " as JSON", ex);
		}
	}

	@Override
	public @Nullable Object fromFrames(ZmqFrames frames, Type targetType) {
		if (targetType == ZmqFrames.class) {
			return frames;
		}
		if (targetType == ZMsg.class) {
			return frames.toZMsg();
		}
		byte[] frame = singleFrame(frames, targetType);
		if (targetType == byte[].class) {
			return frame;
		}
		if (targetType == String.class) {
			return decodeUtf8(frame);
		}
		JavaType javaType = this.jsonMapper.constructType(targetType);
		try {
			return this.jsonMapper.readValue(frame, javaType);
		}
		catch (JacksonException ex) {
			throw new ZmqConversionException(
					"Cannot read JSON as " + javaType.toCanonical() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	private static byte[] singleFrame(ZmqFrames frames, Type targetType) {
		if (frames.size() != 1) {
			throw new ZmqFrameCountException("Expected one frame for " + targetType.getTypeName() + " but got "
					+ frames.size() + "; declare a ZMsg parameter to receive multipart messages", frames.size());
		}
		return frames.frame(0);
	}

	private static String decodeUtf8(byte[] frame) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(frame))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new ZmqConversionException("Frame is not valid UTF-8", ex);
		}
	}

}

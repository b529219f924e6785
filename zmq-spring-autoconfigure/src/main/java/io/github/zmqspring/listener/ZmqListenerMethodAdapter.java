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

package io.github.zmqspring.listener;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.messaging.support.GenericMessage;

import io.github.zmqspring.convert.ZmqConversionException;
import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.core.ZmqHeaders;

/**
 * Calls one listener method through spring-messaging's handler-method infrastructure, so
 * {@code @Payload}, {@code @Header} and {@code Message<?>} parameters work as they do for
 * other Spring messaging listeners. The message payload is the received
 * {@link ZmqFrames}; the parameter's declared type decides the conversion.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqListenerMethodAdapter {

	private final InvocableHandlerMethod handlerMethod;

	private final String listenerId;

	/**
	 * The headers of a one-frame message without a topic, the common case: headers are
	 * immutable, so every such message can share them instead of building two maps.
	 */
	private final MessageHeaders singleFrameHeaders;

	public ZmqListenerMethodAdapter(InvocableHandlerMethod handlerMethod, String listenerId) {
		this.handlerMethod = handlerMethod;
		this.listenerId = listenerId;
		this.singleFrameHeaders = headers(null, 1);
	}

	/**
	 * Invoke the method for one message.
	 * @param payload the payload frames
	 * @param topic the topic of a published message, else {@code null}
	 * @param frameCount the number of frames received, topic frame included
	 * @return the method's return value
	 * @throws Exception what the method or the argument resolution threw
	 */
	public @Nullable Object invoke(ZmqFrames payload, @Nullable String topic, int frameCount) throws Exception {
		MessageHeaders headers = (topic == null && frameCount == 1) ? this.singleFrameHeaders
				: headers(topic, frameCount);
		return this.handlerMethod.invoke(new GenericMessage<>(payload, headers));
	}

	private MessageHeaders headers(@Nullable String topic, int frameCount) {
		Map<String, Object> headers = new HashMap<>(4);
		headers.put(ZmqHeaders.LISTENER_ID, this.listenerId);
		headers.put(ZmqHeaders.FRAME_COUNT, frameCount);
		if (topic != null) {
			headers.put(ZmqHeaders.TOPIC, topic);
		}
		return new ZmqMessageHeaders(headers);
	}

	/**
	 * Return whether a failure means the message could not be converted to the method's
	 * parameters (a bad message), as opposed to the method itself failing.
	 * @param ex the failure
	 * @return {@code true} for a conversion or argument-resolution failure
	 */
	public static boolean isConversionFailure(Throwable ex) {
		return ex instanceof MessageConversionException || ex instanceof MethodArgumentResolutionException
				|| ex instanceof MethodArgumentNotValidException || ex instanceof ZmqConversionException;
	}

}

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

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.SmartMessageConverter;
import org.springframework.messaging.support.GenericMessage;

import io.github.zmqspring.convert.ZmqConversionException;
import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.convert.ZmqMessageConverter;

/**
 * Bridges {@link ZmqMessageConverter} into spring-messaging, so handler-method parameters
 * are converted from the received frames according to their declared (generic) type.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqFramesMessageConverter implements SmartMessageConverter {

	private final ZmqMessageConverter converter;

	public ZmqFramesMessageConverter(ZmqMessageConverter converter) {
		this.converter = converter;
	}

	@Override
	public @Nullable Object fromMessage(Message<?> message, Class<?> targetClass) {
		return fromMessage(message, targetClass, null);
	}

	@Override
	public @Nullable Object fromMessage(Message<?> message, Class<?> targetClass, @Nullable Object conversionHint) {
		if (!(message.getPayload() instanceof ZmqFrames frames)) {
			return null;
		}
		java.lang.reflect.Type type = (conversionHint instanceof MethodParameter parameter)
				? parameter.getNestedGenericParameterType() : targetClass;
		if (conversionHint instanceof MethodParameter parameter
				&& Message.class.isAssignableFrom(parameter.getParameterType())) {
			type = targetClass;
		}
		try {
			return this.converter.fromFrames(frames, type);
		}
		catch (ZmqConversionException ex) {
			throw new MessageConversionException(message, ex.getMessage(), ex);
		}
	}

	@Override
	public @Nullable Message<?> toMessage(Object payload, @Nullable MessageHeaders headers) {
		return toMessage(payload, headers, null);
	}

	@Override
	public @Nullable Message<?> toMessage(Object payload, @Nullable MessageHeaders headers,
			@Nullable Object conversionHint) {
		return new GenericMessage<>(this.converter.toFrames(payload),
				(headers != null) ? headers : new MessageHeaders(null));
	}

}

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

import org.jspecify.annotations.Nullable;

/**
 * Converts payloads between Java objects and ZeroMQ frames, in both directions, for
 * listeners and for {@code ZmqTemplate}. Declare a bean of this type to replace the
 * default.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 * @see DefaultZmqMessageConverter
 */
public interface ZmqMessageConverter {

	/**
	 * Convert an outbound payload to the frames to send.
	 * @param payload the payload, {@code null} for one empty frame
	 * @return the frames
	 * @throws ZmqConversionException if the payload cannot be written
	 */
	ZmqFrames toFrames(@Nullable Object payload);

	/**
	 * Convert received frames to the requested type.
	 * @param frames the payload frames (a subscriber's topic frame already removed)
	 * @param targetType the declared type, possibly generic
	 * @return the converted payload
	 * @throws ZmqConversionException if the frames cannot be read as that type
	 */
	@Nullable Object fromFrames(ZmqFrames frames, Type targetType);

}

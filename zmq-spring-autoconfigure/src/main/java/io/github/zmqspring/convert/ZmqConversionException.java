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

import org.jspecify.annotations.Nullable;

import io.github.zmqspring.ZmqException;

/**
 * A payload could not be converted between Java and ZeroMQ frames (invalid UTF-8,
 * malformed JSON, a JSON document of the wrong shape, an unexpected number of frames).
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqConversionException extends ZmqException {

	public ZmqConversionException(String message) {
		super(message);
	}

	public ZmqConversionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

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

package io.github.zmqspring.core;

import org.jspecify.annotations.Nullable;

import io.github.zmqspring.ZmqException;

/**
 * A message could not be handed to a socket: the template is closed, or its outbound
 * queue stayed full for the whole send timeout (no peer, or peers slower than the
 * sender).
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqSendException extends ZmqException {

	public ZmqSendException(String message) {
		super(message);
	}

	public ZmqSendException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

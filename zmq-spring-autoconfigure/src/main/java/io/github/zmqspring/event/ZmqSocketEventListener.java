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

package io.github.zmqspring.event;

/**
 * Receives socket events as JeroMQ reports them, on JeroMQ's I/O thread (or on the thread
 * that binds, for {@code BOUND}). Implementations must be quick and must not block:
 * everything else on the context waits meanwhile. Exceptions are logged and ignored.
 * Register one with
 * {@link io.github.zmqspring.core.ZmqSocketFactory#addSocketEventListener}; the
 * auto-configuration registers every bean of this type.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface ZmqSocketEventListener {

	/**
	 * Handle an event.
	 * @param event what happened
	 */
	void onSocketEvent(ZmqSocketEvent event);

}

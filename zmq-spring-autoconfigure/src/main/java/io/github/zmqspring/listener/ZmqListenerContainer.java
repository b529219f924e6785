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

import java.time.Duration;
import java.util.List;

import org.springframework.context.SmartLifecycle;

import io.github.zmqspring.config.ZmqListenerEndpoint;

/**
 * The running form of one listener: the thread(s) and socket(s) behind an annotated
 * method. Created by the framework, looked up through the listener registry; not meant to
 * be implemented by applications.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public interface ZmqListenerContainer extends SmartLifecycle {

	/**
	 * Return the listener id.
	 * @return the id
	 */
	String getListenerId();

	/**
	 * Return the listener definition: the annotated method and its attributes.
	 * @return the listener endpoint
	 */
	ZmqListenerEndpoint getListener();

	/**
	 * Return the name of the endpoint the listener receives on, as used in metric tags.
	 * @return the endpoint name, or the addresses as written for an inline endpoint
	 */
	String getEndpointName();

	/**
	 * Return the addresses as configured, in CZMQ notation.
	 * @return for example {@code @tcp://*:5555}
	 */
	String getEndpointAddresses();

	/**
	 * Return the addresses actually bound while running (a wildcard port resolved), for
	 * example {@code tcp://0.0.0.0:54321}; empty when the listener only connects or is
	 * stopped.
	 * @return the bound addresses
	 */
	List<String> getBoundAddresses();

	/**
	 * Return what the listener has received and what became of it.
	 * @return the live counters
	 */
	ZmqListenerCounters getCounters();

	/**
	 * Return whether the listener should be running: it was last started (at startup when
	 * it auto-starts, or by {@link #start()}) and not stopped since. A health check
	 * expects such a listener to be {@linkplain #isServing() serving}; a listener stopped
	 * on purpose is not expected to.
	 * @return whether a start was requested and no stop since
	 */
	default boolean isStartRequested() {
		return isRunning();
	}

	/**
	 * Return whether the listener is running and every one of its threads still takes
	 * messages; {@code false} when a thread ended on a socket error while the listener
	 * was running.
	 * @return whether the listener serves
	 */
	default boolean isServing() {
		return isRunning();
	}

	/**
	 * Return how long stopping waits for the message being handled.
	 * @return the shutdown timeout
	 */
	Duration getShutdownTimeout();

	/**
	 * Signal the listener to stop taking messages, without waiting.
	 */
	void requestStop();

	/**
	 * Wait until the listener's threads have finished their current message and closed
	 * their sockets.
	 * @param timeout how long to wait
	 * @return whether every thread ended in time
	 */
	boolean awaitStop(Duration timeout);

}

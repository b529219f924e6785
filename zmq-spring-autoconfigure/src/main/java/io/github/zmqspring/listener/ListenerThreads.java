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

import org.jspecify.annotations.Nullable;

/**
 * The threads of one running listener, and the sockets they own: either one thread
 * ({@link SingleThreadListener}) or a dispatcher with its workers
 * ({@link DispatchingListener}). Created for each start; the container owns it.
 */
interface ListenerThreads {

	/**
	 * Start the threads and wait until their sockets are bound and connected.
	 * @param timeout how long to wait
	 * @throws RuntimeException the failure to open a socket
	 */
	void start(Duration timeout);

	/**
	 * Ask the threads to stop taking messages, without waiting.
	 */
	void requestStop();

	/**
	 * Wait until every thread has finished what it must and closed its sockets.
	 * @param timeout how long to wait
	 * @return whether every thread ended in time
	 */
	boolean awaitStop(Duration timeout);

	/**
	 * Return whether every thread still takes messages.
	 * @return {@code false} when a thread ended on an error it could not recover from
	 */
	boolean isServing();

	/**
	 * Interrupt the method a worker is running, if it is inside it (handler timeout).
	 * @param identity the worker's identity
	 * @return the name of the thread interrupted, or {@code null} if none was
	 */
	default @Nullable String interruptHandler(String identity) {
		return null;
	}

}

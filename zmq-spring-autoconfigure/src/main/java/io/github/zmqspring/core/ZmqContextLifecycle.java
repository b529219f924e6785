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

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.Assert;

/**
 * Owns the shared {@link ZContext}: creates it with the {@linkplain ZmqThreadFailures
 * JeroMQ thread failure handlers} installed (they must be in place before the first
 * socket), and closes it within a bounded time.
 * <p>
 * {@link ZContext#close()} waits until JeroMQ's reaper has closed every socket, which
 * never happens when one of JeroMQ's threads died or a socket with an unlimited linger
 * still holds messages for a peer that is gone; the application would then hang on
 * shutdown. {@link #destroy()} therefore closes the context on a daemon thread named
 * {@value #CLOSE_THREAD_NAME} and waits at most the close timeout; if the close has not
 * finished by then it logs a warning and returns, leaving that thread (never interrupted,
 * since it is inside JeroMQ) and JeroMQ's own daemon threads behind, so the JVM can still
 * exit.
 * <p>
 * Internal: the auto-configuration exposes {@link #getContext()} as the {@code ZContext}
 * bean, which depends on this one, so this one is destroyed after every bean that uses
 * the context.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqContextLifecycle implements DisposableBean {

	/**
	 * The name of the thread that closes the context.
	 */
	public static final String CLOSE_THREAD_NAME = "zmq-context-close";

	private static final Log logger = LogFactory.getLog(ZmqContextLifecycle.class);

	private final ZContext context;

	private final Duration closeTimeout;

	private final ZmqThreadFailures failures;

	/**
	 * Create a context with the given number of I/O threads and the failure handlers.
	 * @param ioThreads the number of JeroMQ I/O threads
	 * @param closeTimeout how long {@link #destroy()} waits for the close
	 * @param failures where JeroMQ thread failures are reported
	 */
	public ZmqContextLifecycle(int ioThreads, Duration closeTimeout, ZmqThreadFailures failures) {
		Assert.isTrue(!closeTimeout.isNegative(), "closeTimeout must not be negative");
		this.context = new ZContext(ioThreads);
		this.closeTimeout = closeTimeout;
		this.failures = failures;
		failures.install(this.context);
	}

	/**
	 * Return the context.
	 * @return the context, open until {@link #destroy()}
	 */
	public ZContext getContext() {
		return this.context;
	}

	/**
	 * Close the context, waiting at most the close timeout.
	 * @throws RuntimeException what the close threw, if it finished with an exception in
	 * time
	 */
	@Override
	public void destroy() {
		if (this.context.isClosed()) {
			return;
		}
		// ZContext forgets its sockets as soon as the close begins: count them now
		int openSockets = this.context.getSockets().size();
		AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
		Thread closer = new Thread(() -> {
			try {
				this.context.close();
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		}, CLOSE_THREAD_NAME);
		closer.setDaemon(true);
		closer.start();
		try {
			closer.join(Math.max(1, this.closeTimeout.toMillis()));
		}
		catch (InterruptedException ex) {
			// whoever interrupts the shutdown wants it over: give up waiting, keep the
			// flag
			Thread.currentThread().interrupt();
		}
		if (closer.isAlive()) {
			logger.warn("The ZeroMQ context did not close within " + this.closeTimeout.toMillis()
					+ " ms (zmq.context.close-timeout); " + openSockets
					+ " socket(s) were open when the close began, JeroMQ threads that died: " + this.failures.describe()
					+ ". A socket with an unlimited linger that still holds messages for "
					+ "an absent peer, or a dead JeroMQ thread, keeps the close from finishing. Giving up: thread '"
					+ CLOSE_THREAD_NAME + "' and JeroMQ's threads are daemons and do not keep the JVM alive.");
			return;
		}
		Throwable thrown = failure.get();
		if (thrown instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (thrown instanceof Error error) {
			throw error;
		}
	}

}

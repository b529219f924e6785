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

package io.github.zmqspring.support;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A named thread that opens its sockets itself and reports when they are ready (or why
 * they could not be opened), and when it has closed them again. Subclasses implement
 * {@link #run()} and call {@link #ready()} or {@link #failedToStart(RuntimeException)}
 * exactly once, and {@link #terminated()} last. Internal to zmq-spring: listener
 * containers and proxies run on it.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public abstract class SocketThread implements Runnable {

	private final String name;

	private final CountDownLatch readyLatch = new CountDownLatch(1);

	private final CountDownLatch terminatedLatch = new CountDownLatch(1);

	private volatile @Nullable RuntimeException startFailure;

	private volatile @Nullable Thread thread;

	protected SocketThread(String name) {
		this.name = name;
	}

	/**
	 * Return the thread's name.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Start the thread and wait until its sockets are bound and connected.
	 * @param timeout how long to wait
	 * @throws RuntimeException the failure to open a socket
	 */
	public void start(Duration timeout) {
		Thread started = new Thread(this, this.name);
		this.thread = started;
		started.start();
		try {
			if (!this.readyLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("Thread " + this.name + " did not open its sockets within " + timeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting " + this.name, ex);
		}
		RuntimeException failure = this.startFailure;
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * Ask the thread to stop, from any thread, without waiting.
	 */
	public abstract void requestStop();

	/**
	 * Wait until the thread has closed its sockets and ended.
	 * @param timeout how long to wait
	 * @return whether it ended in time
	 */
	public boolean awaitStop(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			if (!this.terminatedLatch.await(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
				return false;
			}
			// the sockets are closed; let the thread itself end too, so none outlives a
			// stop
			Thread current = this.thread;
			if (current != null && current != Thread.currentThread()) {
				current.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Return whether the thread has closed its sockets.
	 * @return {@code true} once {@link #terminated()} or a start failure was reported
	 */
	public boolean isTerminated() {
		return this.terminatedLatch.getCount() == 0;
	}

	protected void ready() {
		this.readyLatch.countDown();
	}

	protected void failedToStart(RuntimeException failure) {
		this.startFailure = failure;
		this.readyLatch.countDown();
		this.terminatedLatch.countDown();
	}

	protected void terminated() {
		this.terminatedLatch.countDown();
	}

}

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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;

/**
 * The request sockets of one endpoint, checked out by one blocking caller at a time, the
 * way a connection pool lends a connection: a caller takes an idle set (or opens one, up
 * to the maximum; beyond it waits, at most its timeout), does its own send and receive on
 * it and returns it. Sets are reused most recent first, so a steady load keeps warm
 * connections. A set returned in an unknown state is closed; at shutdown the idle sets
 * are closed under the pool's lock and a set still checked out when it comes back.
 */
final class RequestSocketPool {

	private final ZmqSocketFactory socketFactory;

	private final ZmqEndpoint endpoint;

	private final int maxSets;

	/**
	 * Shared by all of the endpoint's sets: a refusal seen on one explains a timeout on
	 * another.
	 */
	private final HandshakeRefusals refusals = new HandshakeRefusals();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition returned = this.lock.newCondition();

	// guarded by the lock

	private final ArrayDeque<EndpointSockets> idle = new ArrayDeque<>();

	private int open;

	private boolean closed;

	RequestSocketPool(ZmqSocketFactory socketFactory, ZmqEndpoint endpoint, int maxSets) {
		this.socketFactory = socketFactory;
		this.endpoint = endpoint;
		this.maxSets = maxSets;
	}

	int maxSets() {
		return this.maxSets;
	}

	/**
	 * Take a set of sockets for one request.
	 * @param deadlineNanos how long to wait while every set is in use
	 * @return the set, or {@code null} if none was free by the deadline
	 * @throws InterruptedException if interrupted while waiting
	 * @throws ZmqSendException if the template is closed
	 * @throws ZmqBindException if a new set cannot be opened
	 */
	@Nullable EndpointSockets checkout(long deadlineNanos) throws InterruptedException {
		this.lock.lockInterruptibly();
		try {
			while (true) {
				if (this.closed) {
					throw new ZmqSendException("ZmqTemplate is closed");
				}
				EndpointSockets warm = this.idle.pollFirst();
				if (warm != null) {
					return warm;
				}
				if (this.open < this.maxSets) {
					this.open++;
					break;
				}
				long remaining = deadlineNanos - System.nanoTime();
				if (remaining <= 0) {
					return null;
				}
				this.returned.awaitNanos(remaining);
			}
		}
		finally {
			this.lock.unlock();
		}
		try {
			return EndpointSockets.open(this.socketFactory, SocketType.DEALER, this.endpoint, null, this.refusals);
		}
		catch (RuntimeException ex) {
			forget();
			throw ex;
		}
	}

	/**
	 * Give a set back.
	 * @param sockets the set
	 * @param reusable {@code false} if its state is unknown (its caller was interrupted
	 * or failed mid-call): it is closed
	 */
	void checkin(EndpointSockets sockets, boolean reusable) {
		this.lock.lock();
		try {
			if (reusable && !this.closed) {
				this.idle.addFirst(sockets);
				this.returned.signal();
				return;
			}
		}
		finally {
			this.lock.unlock();
		}
		sockets.close();
		forget();
	}

	private void forget() {
		this.lock.lock();
		try {
			this.open--;
			this.returned.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Close the idle sets now; sets in use are closed when they come back.
	 */
	void close() {
		List<EndpointSockets> closing;
		this.lock.lock();
		try {
			this.closed = true;
			closing = new ArrayList<>(this.idle);
			this.idle.clear();
			this.open -= closing.size();
			for (EndpointSockets sockets : closing) {
				sockets.close();
			}
			this.returned.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Wait, at most until the deadline, for the sets still in use to come back (their
	 * callers close them), so the context does not close a socket under its user.
	 * @param deadlineNanos the deadline
	 * @return whether every set came back
	 */
	boolean awaitReturned(long deadlineNanos) {
		this.lock.lock();
		try {
			while (this.open > 0) {
				long remaining = deadlineNanos - System.nanoTime();
				if (remaining <= 0) {
					return false;
				}
				this.returned.awaitNanos(remaining);
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.lock.unlock();
		}
	}

}

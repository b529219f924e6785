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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQException;

import org.springframework.util.Assert;

import io.github.zmqspring.ZmqException;
import io.github.zmqspring.convert.ZmqConversionException;
import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.convert.ZmqMessageConverter;
import io.github.zmqspring.core.TemplateEndpoints.RequestEndpoint;

/**
 * How {@link ZmqTemplate} runs a request once its payload is converted: a blocking call
 * on a socket set checked out of the endpoint's pool, or an asynchronous one on the
 * endpoint's shared sockets, and how its reply is decoded. Every path is bounded by the
 * request's timeout.
 */
final class Requests {

	/** Extra wait for a shared-socket result, in case the background thread failed. */
	private static final Duration RESULT_GRACE = Duration.ofSeconds(2);

	private Requests() {
	}

	static void assertPositive(Duration timeout) {
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
	}

	/**
	 * Run a blocking request on a socket set checked out of the endpoint's pool; the
	 * checkout counts against the first attempt's timeout.
	 */
	static ZmqFrames exchange(RequestEndpoint request, ZmqFrames frames, Duration timeout, long start,
			AtomicInteger correlationIds) {
		String name = request.endpoint().name();
		if (Thread.currentThread().isInterrupted()) {
			// JeroMQ fails every call of an interrupted thread (EINTR) and clears its
			// flag
			throw new ZmqException("Interrupted before sending a request to '" + name + "'");
		}
		long deadline = start + timeout.toNanos();
		EndpointSockets sockets;
		try {
			sockets = request.pool().checkout(deadline);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ZmqException("Interrupted while waiting for a socket to '" + name + "'", ex);
		}
		if (sockets == null) {
			throw new ZmqRequestTimeoutException(name, timeout, 0,
					"No socket of '" + name + "' was free within " + timeout.toMillis() + " ms: every one of its "
							+ request.pool().maxSets() + " request sockets served a slower caller that long, so "
							+ "the request was not sent (raise zmq.template.max-request-sockets, or the "
							+ "server's concurrency)");
		}
		BlockingRequest call = new BlockingRequest(sockets, correlationIds.incrementAndGet(), frames, timeout,
				request.attempts(), request.counters());
		try {
			return call.exchange(deadline);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ZmqException("Interrupted while waiting for a reply from '" + name + "'", ex);
		}
		catch (ZMQException ex) {
			if (ex.getErrorCode() == zmq.ZError.EINTR) {
				Thread.currentThread().interrupt();
				throw new ZmqException("Interrupted while waiting for a reply from '" + name + "'", ex);
			}
			throw new ZmqException("Request to '" + name + "' failed", ex);
		}
		finally {
			request.pool().checkin(sockets, call.reusable());
		}
	}

	/**
	 * Wait for a request sent on the endpoint's shared socket (an endpoint that binds has
	 * one socket only); the background thread enforces the timeout.
	 */
	static ZmqFrames awaitShared(RequestEndpoint request, ZmqFrames frames, Duration timeout,
			AtomicInteger correlationIds) {
		String name = request.endpoint().name();
		CompletableFuture<ZmqFrames> reply = sendAsync(request, frames, timeout, correlationIds);
		try {
			return reply.get(timeout.multipliedBy(request.attempts()).plus(RESULT_GRACE).toMillis(),
					TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof ZmqException zmqException) ? zmqException
					: new ZmqException("Request to '" + name + "' failed", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new ZmqRequestTimeoutException(name, timeout, request.attempts());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ZmqException("Interrupted while waiting for a reply from '" + name + "'", ex);
		}
	}

	/**
	 * Convert a reply's payload frames, raising a server's error reply as
	 * {@link ZmqRemoteException}.
	 */
	static <T> @Nullable T decode(ZmqMessageConverter converter, String endpoint, ZmqFrames frames,
			Class<T> replyType) {
		if (frames.size() == 1) {
			ZmqErrorReply error = ZmqErrorReply.parse(frames.frame(0));
			if (error != null) {
				throw new ZmqRemoteException(endpoint, error.status(), error.reason(), error.detail());
			}
		}
		try {
			return replyType.cast(converter.fromFrames(frames, replyType));
		}
		catch (ZmqConversionException ex) {
			throw new ZmqConversionException("Cannot convert the reply from '" + endpoint + "' to "
					+ replyType.getName() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Send a request on the endpoint's shared sockets; the future completes with the
	 * reply's payload frames on the thread that read it.
	 */
	static CompletableFuture<ZmqFrames> sendAsync(RequestEndpoint request, ZmqFrames frames, Duration timeout,
			AtomicInteger correlationIds) {
		PendingRequest pending = new PendingRequest(correlationIds.incrementAndGet(), frames, timeout,
				request.attempts());
		request.async().send(pending);
		return pending.future;
	}

}

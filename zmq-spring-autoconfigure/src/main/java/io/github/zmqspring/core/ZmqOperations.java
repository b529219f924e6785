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

import org.jspecify.annotations.Nullable;

/**
 * The sending side of ZeroMQ messaging: request-reply, publish and push. Every method
 * takes an endpoint: a name configured under {@code zmq.endpoints} or addresses such as
 * {@code tcp://localhost:5555} (bare addresses connect for requests and pushes, bind for
 * publishing).
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 * @see ZmqTemplate
 */
public interface ZmqOperations {

	/**
	 * Send a request and wait for its reply, up to the endpoint's or the template's
	 * default request timeout.
	 * @param endpoint the endpoint of a REP server, or of a broker's front end
	 * @param payload the request payload
	 * @param replyType the type to convert the reply to
	 * @param <T> the reply type
	 * @return the converted reply
	 * @throws ZmqRequestTimeoutException if no reply arrives in time
	 * @throws ZmqRemoteException if the server answers with an error reply
	 * @throws io.github.zmqspring.convert.ZmqConversionException if a payload cannot be
	 * converted
	 */
	<T> @Nullable T request(String endpoint, @Nullable Object payload, Class<T> replyType);

	/**
	 * Send a request and wait for its reply, up to the given timeout.
	 * @param endpoint the endpoint of a REP server, or of a broker's front end
	 * @param payload the request payload
	 * @param replyType the type to convert the reply to
	 * @param timeout how long to wait for the reply
	 * @param <T> the reply type
	 * @return the converted reply
	 * @throws ZmqRequestTimeoutException if no reply arrives in time
	 * @throws ZmqRemoteException if the server answers with an error reply
	 */
	<T> @Nullable T request(String endpoint, @Nullable Object payload, Class<T> replyType, Duration timeout);

	/**
	 * Send a request without waiting; the future completes with the reply, or
	 * exceptionally with a {@link ZmqRequestTimeoutException} once the default request
	 * timeout has passed.
	 * @param endpoint the endpoint
	 * @param payload the request payload
	 * @param replyType the type to convert the reply to
	 * @param <T> the reply type
	 * @return the future reply
	 */
	<T> CompletableFuture<@Nullable T> requestAsync(String endpoint, @Nullable Object payload, Class<T> replyType);

	/**
	 * Send a request without waiting, with the given timeout.
	 * @param endpoint the endpoint
	 * @param payload the request payload
	 * @param replyType the type to convert the reply to
	 * @param timeout how long the reply may take
	 * @param <T> the reply type
	 * @return the future reply
	 */
	<T> CompletableFuture<@Nullable T> requestAsync(String endpoint, @Nullable Object payload, Class<T> replyType,
			Duration timeout);

	/**
	 * Publish a message as two frames {@code [topic, payload]}.
	 * @param endpoint the PUB endpoint
	 * @param topic the topic, sent as UTF-8
	 * @param payload the payload
	 */
	void publish(String endpoint, String topic, @Nullable Object payload);

	/**
	 * Publish a message as one frame {@code [payload]} (or the frames of a {@code ZMsg}).
	 * @param endpoint the PUB endpoint
	 * @param payload the payload
	 */
	void publish(String endpoint, @Nullable Object payload);

	/**
	 * Push a message to one of the connected pullers. Blocks, at most the endpoint's send
	 * timeout, while no puller has completed a connection (or every puller's queue is
	 * full).
	 * @param endpoint the PUSH endpoint
	 * @param payload the payload
	 * @throws ZmqSendException if no puller took the message within the send timeout (the
	 * message is then not sent)
	 */
	void push(String endpoint, @Nullable Object payload);

	/**
	 * Wait until the publishing socket of an endpoint has at least {@code count}
	 * subscriptions, opening (binding) the socket first if this is its first use. What is
	 * counted: every subscribe message the socket received, a subscriber with {@code k}
	 * topics counting {@code k} times, minus every topic whose last subscriber
	 * unsubscribed or disconnected (ZeroMQ reports only that). Through a forwarder
	 * (XSUB/XPUB proxy) each topic counts once, however many subscribers have it
	 * downstream.
	 * @param endpoint the PUB endpoint
	 * @param count how many subscriptions to wait for
	 * @param timeout how long to wait
	 * @return {@code true} once there are enough, {@code false} if the timeout passed
	 * first
	 */
	boolean awaitSubscribers(String endpoint, int count, Duration timeout);

	/**
	 * Wait until at least {@code count} subscriptions that match {@code topic} (those
	 * whose prefix the topic starts with, so a message published on it reaches them) are
	 * present. Counted as in {@link #awaitSubscribers(String, int, Duration)}.
	 * @param endpoint the PUB endpoint
	 * @param topic the topic a message will be published on
	 * @param count how many matching subscriptions to wait for
	 * @param timeout how long to wait
	 * @return {@code true} once there are enough, {@code false} if the timeout passed
	 * first
	 */
	boolean awaitSubscribers(String endpoint, String topic, int count, Duration timeout);

}

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

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

import io.github.zmqspring.config.ZmqListenerEndpoint;
import io.github.zmqspring.convert.ZmqFrames;
import io.github.zmqspring.core.ZmqEndpoint;
import io.github.zmqspring.core.ZmqSocketFactory;
import io.github.zmqspring.event.ZmqSocketEventListener;

/**
 * Container of a {@code @ZmqSubscriber} method. Subscribes its topic prefixes before
 * connecting. A message of two or more frames has its topic in the first frame and its
 * payload in the rest; a one-frame message is all payload, and its topic is the longest
 * subscribed prefix it matches. With {@code @SendTo}, a non-null return value is
 * republished under the same topic (with a topic frame only if the message came with
 * one). With a sync endpoint, starting also performs the slow-joiner handshake: once
 * subscribed and connected, the container checks in with the publisher's REQ/REP sync
 * socket and counts as started when the publisher has answered.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqSubscriberContainer extends AbstractZmqListenerContainer {

	private final List<byte[]> prefixes;

	private final List<String> topics;

	private final @Nullable SendToTarget sendTo;

	private final @Nullable SubscriberSync sync;

	public ZmqSubscriberContainer(ZmqListenerEndpoint listener, ZmqEndpoint endpoint, ZmqSocketFactory socketFactory,
			ZmqListenerMethodAdapter adapter, @Nullable SendToTarget sendTo) {
		this(listener, endpoint, socketFactory, adapter, sendTo, (ZmqEndpoint) null);
	}

	/**
	 * Create a container that checks in with a publisher's sync endpoint once subscribed
	 * (the slow-joiner handshake), before it counts as started.
	 * @param listener the listener endpoint
	 * @param endpoint the endpoint to subscribe on
	 * @param socketFactory creates the sockets
	 * @param adapter invokes the method
	 * @param sendTo where results are republished, if anywhere
	 * @param syncEndpoint the publisher's REQ/REP sync endpoint, or {@code null} to start
	 * without checking in
	 */
	public ZmqSubscriberContainer(ZmqListenerEndpoint listener, ZmqEndpoint endpoint, ZmqSocketFactory socketFactory,
			ZmqListenerMethodAdapter adapter, @Nullable SendToTarget sendTo, @Nullable ZmqEndpoint syncEndpoint) {
		this(listener, endpoint, socketFactory, adapter, sendTo,
				(syncEndpoint != null) ? new SubscriberSync(socketFactory, syncEndpoint) : null);
	}

	private ZmqSubscriberContainer(ZmqListenerEndpoint listener, ZmqEndpoint endpoint, ZmqSocketFactory socketFactory,
			ZmqListenerMethodAdapter adapter, @Nullable SendToTarget sendTo, @Nullable SubscriberSync sync) {
		super(listener, endpoint, socketFactory, adapter);
		this.topics = listener.getTopics();
		this.prefixes = this.topics.stream().map((topic) -> topic.getBytes(StandardCharsets.UTF_8)).toList();
		this.sendTo = sendTo;
		this.sync = sync;
		if (sync != null) {
			// starting includes the handshakes and the check-in
			setStartTimeout(sync.maxDuration().plusSeconds(30));
		}
	}

	@Override
	protected void attached(ZMQ.Socket socket) {
		// subscribe after connecting: JeroMQ 0.6.0 drops subscriptions made before an
		// inproc
		// connect that waits for its bind, so the subscriber would never receive anything
		for (byte[] prefix : this.prefixes) {
			socket.subscribe(prefix);
		}
		if (this.sync != null) {
			this.sync.checkIn(socket, getListener().describe());
		}
	}

	@Override
	@Nullable ZmqSocketEventListener frontendSocketListener() {
		// installed before the socket connects, so the sync sees every handshake
		return (this.sync != null) ? this.sync.watchHandshakes(getEndpoint()) : null;
	}

	@Override
	protected boolean drainsOnStop() {
		// publish-subscribe is lossy by design, and a busy publisher would keep a drain
		// going until the shutdown timeout
		return false;
	}

	@Override
	protected @Nullable ZmqFrames process(ZmqFrames frames) {
		if (frames.size() >= 2) {
			String topic = new String(frames.frame(0), StandardCharsets.UTF_8);
			ListenerInvocation.invoke(this, frames, frames.from(1), topic, this.sendTo, topic);
		}
		else {
			ListenerInvocation.invoke(this, frames, frames, matchingPrefix(frames.frame(0)), this.sendTo, null);
		}
		return null;
	}

	private String matchingPrefix(byte[] frame) {
		int best = -1;
		for (int i = 0; i < this.prefixes.size(); i++) {
			byte[] prefix = this.prefixes.get(i);
			if (startsWith(frame, prefix) && (best < 0 || prefix.length > this.prefixes.get(best).length)) {
				best = i;
			}
		}
		return (best >= 0) ? this.topics.get(best) : "";
	}

	private static boolean startsWith(byte[] frame, byte[] prefix) {
		if (prefix.length > frame.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (frame[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}

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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.github.zmqspring.event.ZmqSocketEvent;
import io.github.zmqspring.event.ZmqSocketEventListener;
import io.github.zmqspring.event.ZmqSocketEventType;
import io.github.zmqspring.event.ZmqSocketOwner;
import io.github.zmqspring.guard.DropReason;
import io.github.zmqspring.guard.ReceiveLimits;
import io.github.zmqspring.guard.SocketGuard;
import io.github.zmqspring.guard.ZmqReceiveGuard;
import io.github.zmqspring.security.RefusalReason;
import io.github.zmqspring.security.ZmqAuthenticator;
import io.github.zmqspring.security.ZmqMechanism;
import io.github.zmqspring.security.ZmqSecurity;
import io.github.zmqspring.support.LogRateLimiter;
import io.github.zmqspring.support.LogSanitizer;

/**
 * The one place that creates sockets: applies the endpoint's options, gives the socket a
 * {@link SocketGuard} of the context's {@link ZmqReceiveGuard} (which allocates what it
 * receives within a byte budget and drops connections that break a limit), installs the
 * event hook that reports the socket's connections to every
 * {@link ZmqSocketEventListener}, applies the endpoint's security (registering the socket
 * with the context's {@link ZmqAuthenticator} when its peers need checking), binds and
 * connects its addresses, and reports failures as {@link ZmqBindException}. Call it on
 * the thread that will own the socket.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqSocketFactory {

	private static final Log logger = LogFactory.getLog(ZmqSocketFactory.class);

	private static final int EVENT_MASK = ZmqSocketEventType.allMask();

	private static final LogRateLimiter listenerFailureLog = new LogRateLimiter();

	private final ZContext context;

	private final List<ZmqSocketEventListener> listeners;

	private final ZmqReceiveGuard receiveGuard;

	private final @Nullable ZmqAuthenticator authenticator;

	private final Set<String> plainWarned = ConcurrentHashMap.newKeySet();

	public ZmqSocketFactory(ZContext context) {
		this(context, List.of());
	}

	/**
	 * Create a factory whose sockets report their events to the given listeners, guarded
	 * with the default receive limits.
	 * @param context the context sockets are created in
	 * @param listeners receive every socket event, on JeroMQ's I/O thread
	 */
	public ZmqSocketFactory(ZContext context, List<ZmqSocketEventListener> listeners) {
		this(context, listeners, new ZmqReceiveGuard(ReceiveLimits.defaults()));
	}

	/**
	 * Create a factory whose sockets report their events to the given listeners.
	 * @param context the context sockets are created in
	 * @param listeners receive every socket event, on JeroMQ's I/O thread
	 * @param receiveGuard the context's receive guard
	 */
	public ZmqSocketFactory(ZContext context, List<ZmqSocketEventListener> listeners, ZmqReceiveGuard receiveGuard) {
		this(context, listeners, receiveGuard, null);
	}

	/**
	 * Create a factory whose sockets report their events to the given listeners and whose
	 * secured sockets are checked by the given authenticator.
	 * @param context the context sockets are created in
	 * @param listeners receive every socket event, on JeroMQ's I/O thread
	 * @param receiveGuard the context's receive guard
	 * @param authenticator the context's ZAP handler, {@code null} if no endpoint may set
	 * security
	 */
	public ZmqSocketFactory(ZContext context, List<ZmqSocketEventListener> listeners, ZmqReceiveGuard receiveGuard,
			@Nullable ZmqAuthenticator authenticator) {
		this.context = context;
		this.listeners = new CopyOnWriteArrayList<>(listeners);
		this.receiveGuard = receiveGuard;
		this.authenticator = authenticator;
	}

	/**
	 * Return the receive guard of the context.
	 * @return the guard
	 */
	public ZmqReceiveGuard getReceiveGuard() {
		return this.receiveGuard;
	}

	/**
	 * Return the context sockets are created in.
	 * @return the shared context
	 */
	public ZContext getContext() {
		return this.context;
	}

	/**
	 * Report the events of sockets opened from now on to a listener as well.
	 * @param listener the listener, called on JeroMQ's I/O thread
	 */
	public void addSocketEventListener(ZmqSocketEventListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Create a socket and attach it to the endpoint's addresses.
	 * @param type the socket type
	 * @param endpoint the endpoint
	 * @param owner who owns the socket, for events and error messages
	 * @param onBound receives the actual address of each bind (wildcard ports resolved)
	 * @return the open socket, owned by the calling thread
	 * @throws ZmqBindException if an address cannot be bound or connected
	 */
	public ZMQ.Socket open(SocketType type, ZmqEndpoint endpoint, ZmqSocketOwner owner, Consumer<String> onBound) {
		return open(type, endpoint, owner, onBound, (socket) -> {
		}, null);
	}

	/**
	 * Create a socket, let the caller prepare it after the endpoint's options are
	 * applied, and attach it to the endpoint's addresses.
	 * @param type the socket type
	 * @param endpoint the endpoint
	 * @param owner who owns the socket, for events and error messages
	 * @param onBound receives the actual address of each bind (wildcard ports resolved)
	 * @param beforeAttach called before the first bind or connect (options)
	 * @param socketListener receives this socket's events before the factory's listeners
	 * do, on JeroMQ's I/O thread; may be {@code null}
	 * @return the open socket, owned by the calling thread
	 * @throws ZmqBindException if an address cannot be bound or connected
	 */
	public ZMQ.Socket open(SocketType type, ZmqEndpoint endpoint, ZmqSocketOwner owner, Consumer<String> onBound,
			Consumer<ZMQ.Socket> beforeAttach, @Nullable ZmqSocketEventListener socketListener) {
		ZMQ.Socket socket = this.context.createSocket(type);
		try {
			ZmqSocketOptions options = endpoint.options();
			options.applyTo(socket, type);
			EventHook hook = new EventHook(owner, endpoint.name(), type, socketListener);
			ZmqSecurity security = options.securityOrNone();
			boolean curve = security.mechanism() == ZmqMechanism.CURVE;
			SocketGuard guard = this.receiveGuard.forSocket(owner.description(), options.maxMessageSizeOrDefault(),
					handshakeDeadline(options, security), !curve, hook::peerDropped);
			hook.guard = guard;
			socket.setMsgAllocator(guard);
			secure(socket, endpoint, owner, hook);
			beforeAttach.accept(socket);
			// one hook per socket (JeroMQ allows no second one); events are rare, so
			// building an event object each time costs nothing on the message path
			socket.setEventHook(hook, EVENT_MASK);
			for (ZmqAddress address : endpoint.addresses()) {
				attach(socket, address, owner.description(), onBound);
			}
			return socket;
		}
		catch (RuntimeException ex) {
			socket.close();
			throw ex;
		}
	}

	/**
	 * Return how long a new connection of the socket has to be heard from. The guard
	 * hears a connection through the frames JeroMQ attributes to it; JeroMQ decrypts each
	 * CURVE frame into a message of its own and attributes only that one, so a CURVE
	 * server hears its connections from the ZAP handler instead (a connection it let in
	 * has completed its handshake), and a CURVE client, which asks no ZAP handler, gets
	 * no deadline (it connects to a server it was configured with).
	 */
	private static @Nullable Duration handshakeDeadline(ZmqSocketOptions options, ZmqSecurity security) {
		if (security.mechanism() == ZmqMechanism.CURVE && !security.isServer()) {
			return null;
		}
		return options.handshakeDeadline();
	}

	/**
	 * Apply the endpoint's security. A socket whose handshakes the ZAP handler decides is
	 * registered first, so that the handler runs before the socket can accept anyone:
	 * JeroMQ lets a CURVE or PLAIN server without one accept every peer.
	 */
	private void secure(ZMQ.Socket socket, ZmqEndpoint endpoint, ZmqSocketOwner owner, EventHook hook) {
		ZmqSecurity security = endpoint.options().securityOrNone();
		if (security == ZmqSecurity.NONE) {
			return;
		}
		String zapDomain = null;
		if (security.needsZap()) {
			if (this.authenticator == null) {
				throw new IllegalStateException("Endpoint '" + endpoint.name() + "' of " + owner.description()
						+ " sets security, but this ZmqSocketFactory has no ZmqAuthenticator to check its peers");
			}
			zapDomain = owner.kind() + ":" + owner.name() + ":" + endpoint.name();
			this.authenticator.register(zapDomain, security, owner.description(),
					"zmq.endpoints." + endpoint.name() + ".security", hook);
		}
		security.applyTo(socket, zapDomain);
		if (security.mechanism() == ZmqMechanism.PLAIN) {
			for (ZmqAddress address : endpoint.addresses()) {
				warnIfPlainLeavesHost(endpoint, address);
			}
		}
	}

	private void warnIfPlainLeavesHost(ZmqEndpoint endpoint, ZmqAddress address) {
		String transport = address.transport();
		// JeroMQ's ipc:// runs over loopback tcp: it stays on the host
		if (!transport.equals("tcp") || isLoopback(address.address()) || !this.plainWarned.add(address.address())) {
			return;
		}
		logger.warn("ZeroMQ endpoint '" + endpoint.name() + "' uses PLAIN security on " + address.address()
				+ ", which is not a loopback address: PLAIN sends user names and passwords in clear text. "
				+ "Use CURVE (zmq.endpoints." + endpoint.name() + ".security.mechanism=curve) on networks.");
	}

	private static boolean isLoopback(String address) {
		String host = address.substring(address.indexOf("://") + 3);
		int colon = host.lastIndexOf(':');
		if (colon > 0) {
			host = host.substring(0, colon);
		}
		host = host.replace("[", "").replace("]", "");
		return host.equals("localhost") || host.startsWith("127.") || host.equals("::1")
				|| host.equals("0:0:0:0:0:0:0:1");
	}

	private static void notify(ZmqSocketEventListener listener, ZmqSocketEvent event) {
		// never let a listener's failure reach JeroMQ's I/O thread: its poller catches
		// only RuntimeException, so an Error would end the thread and every socket it
		// serves
		try {
			listener.onSocketEvent(event);
		}
		catch (RuntimeException | Error ex) {
			// events come at a peer's pace: one line per listener per interval
			listenerFailureLog.warn(logger, listener.getClass().getName(), () -> "Socket event listener " + listener
					+ " failed on " + event + ": " + LogSanitizer.describe(ex), ex);
		}
	}

	private static void attach(ZMQ.Socket socket, ZmqAddress address, String source, Consumer<String> onBound) {
		try {
			if (address.bind()) {
				socket.bind(address.address());
				onBound.accept(socket.getLastEndpoint());
			}
			else {
				socket.connect(address.address());
			}
		}
		catch (ZMQException ex) {
			throw new ZmqBindException(source, address.address(), address.bind(), ex);
		}
	}

	/**
	 * The socket's one event hook (JeroMQ allows no second one), also told the ZAP
	 * handler's decisions about the socket's peers. Events are rare, so building an event
	 * object each time costs nothing on the message path.
	 */
	private final class EventHook implements ZEvent.ZEventConsummer, ZmqAuthenticator.ZapListener {

		private final ZmqSocketOwner owner;

		private final String endpoint;

		private final SocketType type;

		private final @Nullable ZmqSocketEventListener socketListener;

		private @Nullable SocketGuard guard;

		EventHook(ZmqSocketOwner owner, String endpoint, SocketType type,
				@Nullable ZmqSocketEventListener socketListener) {
			this.owner = owner;
			this.endpoint = endpoint;
			this.type = type;
			this.socketListener = socketListener;
		}

		@Override
		public void consume(zmq.ZMQ.Event raw) {
			SocketGuard socketGuard = this.guard;
			if (socketGuard != null) {
				socketGuard.onEvent(raw.event, raw.arg);
			}
			ZmqSocketEventType eventType = ZmqSocketEventType.of(raw.event);
			if (eventType == null) {
				return;
			}
			// the value is an error code, an interval or a version; channels are not
			// exposed
			int value = (raw.arg instanceof Integer number) ? number : 0;
			publish(new ZmqSocketEvent(this.owner, this.endpoint, this.type, eventType, raw.addr, value));
		}

		@Override
		public void allowed(String address) {
			// the connection completed its security handshake: for CURVE, whose frames
			// the guard never sees, this is how the guard hears it
			SocketGuard socketGuard = this.guard;
			if (socketGuard != null) {
				socketGuard.heardFromHost(address);
			}
		}

		@Override
		public void refused(String peer, RefusalReason reason) {
			publish(new ZmqSocketEvent(this.owner, this.endpoint, this.type, ZmqSocketEventType.PEER_REFUSED,
					"tcp://" + peer, reason.ordinal()));
		}

		void peerDropped(String peer, DropReason reason) {
			publish(new ZmqSocketEvent(this.owner, this.endpoint, this.type, ZmqSocketEventType.PEER_DROPPED,
					"tcp://" + peer, reason.ordinal()));
		}

		private void publish(ZmqSocketEvent event) {
			if (this.socketListener != null) {
				ZmqSocketFactory.notify(this.socketListener, event);
			}
			for (ZmqSocketEventListener listener : ZmqSocketFactory.this.listeners) {
				ZmqSocketFactory.notify(listener, event);
			}
		}

		@Override
		public void consume(ZEvent event) {
			// JeroMQ calls the raw variant above
		}

	}

}

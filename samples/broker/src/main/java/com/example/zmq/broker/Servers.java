package com.example.zmq.broker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zmqspring.annotation.ZmqReplier;

import org.springframework.stereotype.Component;

/**
 * Three request-reply servers. Each connects to the broker's back end (the "workers"
 * endpoint connects), so servers can be added without touching the clients, which only
 * know the broker's front end.
 */
@Component
class Servers {

	final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();

	@ZmqReplier(value = "workers", id = "alpha")
	String alpha(String request) {
		return serve("alpha", request);
	}

	@ZmqReplier(value = "workers", id = "beta")
	String beta(String request) {
		return serve("beta", request);
	}

	@ZmqReplier(value = "workers", id = "gamma")
	String gamma(String request) {
		return serve("gamma", request);
	}

	private String serve(String server, String request) {
		this.served.computeIfAbsent(server, (name) -> new AtomicInteger()).incrementAndGet();
		return server + " answers " + request.toUpperCase();
	}

}

package com.example.zmq.requestreply;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.github.zmqspring.core.ZmqTemplate;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The client: sends requests to the "servers" endpoint, which connects to all three
 * servers, and prints which server answered each one.
 */
@Component
class Demo implements ApplicationRunner {

	static final int REQUESTS = 9;

	private final ZmqTemplate zmq;

	Demo(ZmqTemplate zmq) {
		this.zmq = zmq;
	}

	@Override
	public void run(ApplicationArguments args) {
		Map<String, Integer> answeredBy = new TreeMap<>();
		for (int i = 1; i <= REQUESTS; i++) {
			String reply = this.zmq.request("servers", "request " + i, String.class, Duration.ofSeconds(5));
			String server = reply.substring(0, reply.indexOf(':'));
			answeredBy.merge(server, 1, Integer::sum);
			System.out.println("[client] request " + i + " -> '" + reply + "' (answered by " + server + ")");
		}
		System.out.println("[client] " + REQUESTS + " requests answered: " + answeredBy);
	}

}

// The explorer page (served at GET /graphql to browsers): GraphiQL with one
// plugin, "Sesión y ejemplos": sign in (demo accounts when the demo is on),
// after which every call carries the bearer token, and the worked examples of
// docs/ and schema/operations/ to open in the editor. Plain browser script, no
// build step: React and GraphiQL are the UMD files of their npm packages.
(function () {
  'use strict';
  var h = React.createElement;
  var TOKEN_KEY = 'conalep-api-token';
  var USER_KEY = 'conalep-api-user';
  var session = {
    token: sessionStorage.getItem(TOKEN_KEY),
    user: sessionStorage.getItem(USER_KEY),
  };
  var listeners = [];
  function setSession(token, user) {
    session = { token: token, user: user };
    if (token) {
      sessionStorage.setItem(TOKEN_KEY, token);
      sessionStorage.setItem(USER_KEY, user);
    } else {
      sessionStorage.removeItem(TOKEN_KEY);
      sessionStorage.removeItem(USER_KEY);
    }
    listeners.forEach(function (l) {
      l(session);
    });
  }

  function post(body, extraHeaders) {
    var headers = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json;q=0.9',
    };
    if (session.token) headers.authorization = 'Bearer ' + session.token;
    Object.assign(headers, extraHeaders || {});
    return fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify(body) }).then(function (r) {
      return r.json();
    });
  }

  function fetcher(params, options) {
    return post(params, (options && options.headers) || {});
  }

  function SessionAndExamples(props) {
    var config = props.config;
    var editor = GraphiQL.React.useEditorContext({ nonNull: true });
    var current = React.useState(session);
    var setCurrent = current[1];
    current = current[0];
    var email = React.useState(config.demoAccounts.length ? config.demoAccounts[0].email : '');
    var password = React.useState(config.demoPassword || '');
    var error = React.useState('');
    var filter = React.useState('');
    React.useEffect(function () {
      listeners.push(setCurrent);
      return function () {
        listeners = listeners.filter(function (l) {
          return l !== setCurrent;
        });
      };
    }, []);

    function signIn(event) {
      event.preventDefault();
      error[1]('');
      post({
        query: 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        variables: { email: email[0], password: password[0] },
      }).then(
        function (result) {
          if (result.data && result.data.login) setSession(result.data.login.token, email[0]);
          else error[1]((result.errors && result.errors[0] && result.errors[0].message) || 'No se pudo iniciar sesión');
        },
        function (e) {
          error[1](String(e));
        },
      );
    }

    function open(example) {
      editor.addTab();
      // The new tab's editors are ready on the next tick.
      setTimeout(function () {
        if (editor.queryEditor) editor.queryEditor.setValue(example.query);
        if (editor.variableEditor) editor.variableEditor.setValue(example.variables || '');
      }, 0);
    }

    var sessionBox = current.token
      ? h(
          'div',
          { className: 'conalep-session', 'data-testid': 'session' },
          'Sesión iniciada: ',
          h('strong', null, current.user),
          ' ',
          h(
            'button',
            {
              type: 'button',
              onClick: function () {
                setSession(null, null);
              },
            },
            'Salir',
          ),
        )
      : h(
          'form',
          { onSubmit: signIn, 'aria-label': 'Iniciar sesión' },
          config.demoAccounts.length
            ? h(
                'select',
                {
                  'aria-label': 'Cuenta de demostración',
                  value: email[0],
                  onChange: function (e) {
                    email[1](e.target.value);
                  },
                },
                config.demoAccounts.map(function (a) {
                  return h('option', { key: a.email, value: a.email }, a.email + ' — ' + a.role + ' (' + a.unit + ')');
                }),
              )
            : h('input', {
                type: 'email',
                'aria-label': 'Correo',
                placeholder: 'correo',
                value: email[0],
                onChange: function (e) {
                  email[1](e.target.value);
                },
              }),
          h('input', {
            type: 'password',
            'aria-label': 'Contraseña',
            placeholder: 'contraseña',
            value: password[0],
            onChange: function (e) {
              password[1](e.target.value);
            },
          }),
          h('button', { type: 'submit' }, 'Iniciar sesión'),
          error[0] ? h('div', { className: 'conalep-error', role: 'alert' }, error[0]) : null,
        );

    var needle = filter[0].toLowerCase();
    var groups = {};
    config.examples.forEach(function (example, i) {
      if (needle && (example.title + ' ' + example.query).toLowerCase().indexOf(needle) < 0) return;
      (groups[example.source] = groups[example.source] || []).push(
        h(
          'li',
          { key: i },
          h(
            'button',
            {
              type: 'button',
              title: example.query,
              onClick: function () {
                open(example);
              },
            },
            example.title,
          ),
        ),
      );
    });

    return h(
      'div',
      { className: 'conalep-plugin' },
      h('div', { className: 'graphiql-doc-explorer-title' }, 'Sesión y ejemplos'),
      sessionBox,
      h('input', {
        type: 'search',
        'aria-label': 'Buscar ejemplos',
        placeholder: 'buscar ejemplos…',
        value: filter[0],
        onChange: function (e) {
          filter[1](e.target.value);
        },
      }),
      Object.keys(groups).map(function (source) {
        return h('section', { key: source }, h('h3', null, source), h('ul', null, groups[source]));
      }),
    );
  }

  function Icon() {
    return h(
      'svg',
      { viewBox: '0 0 24 24', width: 20, height: 20, fill: 'none', stroke: 'currentColor', strokeWidth: 1.5 },
      h('circle', { cx: 12, cy: 8, r: 4 }),
      h('path', { d: 'M4 21c0-4 4-6 8-6s8 2 8 6' }),
    );
  }

  fetch('/explorer/config.json')
    .then(function (r) {
      return r.json();
    })
    .then(function (config) {
      var plugin = {
        title: 'Sesión y ejemplos',
        icon: Icon,
        content: function () {
          return h(SessionAndExamples, { config: config });
        },
      };
      var root = ReactDOM.createRoot(document.getElementById('explorer'));
      root.render(
        h(GraphiQL, {
          fetcher: fetcher,
          plugins: [plugin],
          visiblePlugin: plugin,
          defaultQuery:
            '# Inicie sesión en el panel «Sesión y ejemplos» y abra un ejemplo, o escriba una consulta:\n{\n  me {\n    email\n    fullName\n    roleAssignments { role unit { code name } }\n  }\n}\n',
          defaultEditorToolsVisibility: true,
        }),
      );
    });
})();

<?php
# Created by setup-mysql -n blog blog.example.com
define('DB_NAME', 'blog');
define('DB_USER', 'blog');
define('DB_PASSWORD', 'k3Xq9TzA');
define('DB_HOST', 'localhost');
define('SECRET_KEY', 'Vd0qP4mZbT8rWk2LhN6yJc1sX9gF3aE7uQ5oI0tR2wY4pK8zMn');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
define('FS_METHOD', 'direct');
?>
